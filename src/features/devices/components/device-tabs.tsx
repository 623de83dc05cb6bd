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
  children: ReactNode;
}

/**
 * Tabs that are links: each view has its own URL (deep links), so a tab switches by navigation
 * and the panel is whatever the child route renders.
 */
export function DeviceTabs({ tabs, selectedId, children }: DeviceTabsProps) {
  return (
    <div>
      <div
        role="tablist"
        aria-label="Device views"
        className="flex gap-1 border-b border-slate-200"
      >
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
              className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${
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
      <div
        id="device-tabpanel"
        role="tabpanel"
        aria-labelledby={`device-tab-${selectedId}`}
        className="pt-4"
      >
        {children}
      </div>
    </div>
  );
}
