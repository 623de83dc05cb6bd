import type { ReactNode } from 'react';
import { Link } from 'react-router';

export interface DeviceTab {
  id: string;
  label: string;
  /** Link target. */
  to: string;
}

export interface DeviceTabsProps {
  tabs: DeviceTab[];
  selectedId: string;
  /** The device header, on the tabs' line (wrapping above them when there is no room). */
  header?: ReactNode;
  children: ReactNode;
}

/**
 * Tabs that are links: each view has its own URL (deep links), so a tab switches by navigation
 * and the panel is whatever the child route renders. The panel takes the height left (the Event
 * log fills the window below the header).
 */
export function DeviceTabs({ tabs, selectedId, header, children }: DeviceTabsProps) {
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="flex flex-wrap items-end justify-between gap-x-4 gap-y-1 border-b border-slate-200">
        {header}
        <div role="tablist" aria-label="Device views" className="flex gap-1">
          {tabs.map((tab) => {
            const selected = tab.id === selectedId;
            return (
              <Link
                key={tab.id}
                id={`device-tab-${tab.id}`}
                role="tab"
                aria-selected={selected}
                aria-controls={selected ? 'device-tabpanel' : undefined}
                to={tab.to}
                className={`-mb-px border-b-2 px-3 py-1.5 text-sm font-medium ${
                  selected
                    ? 'border-sky-700 text-sky-800'
                    : 'border-transparent text-slate-600 hover:text-slate-900'
                }`}
              >
                {tab.label}
              </Link>
            );
          })}
        </div>
      </div>
      <div
        id="device-tabpanel"
        role="tabpanel"
        aria-labelledby={`device-tab-${selectedId}`}
        className="flex min-h-0 flex-1 flex-col pt-2"
      >
        {children}
      </div>
    </div>
  );
}
