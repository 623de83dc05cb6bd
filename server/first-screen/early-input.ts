import { EARLY_INPUT_GLOBAL, FIRST_SCREEN_ATTRIBUTE } from '../../src/backends/contract.ts';

/**
 * A server-rendered first screen looks ready before the app has taken it over, but until then
 * nothing handles input: a click on a row did nothing, and a click on a filter checkbox ticked it
 * while the list stayed unfiltered — a screen that lies. This inline script, placed right after
 * the first screen, holds such input back instead: clicks on rows and controls, Enter on a row, and
 * a changed select are stopped (the control keeps its rendered state) and queued; the app replays
 * them once it has taken the page over (`replayEarlyInput` in src/app/first-screen.tsx), so they
 * act exactly as if made a moment later. Links are left alone: they navigate on their own. Text
 * fields are read-only meanwhile, so nothing typed is lost or half-applied. `#root` carries
 * `aria-busy` while input waits. Plain ES5 text: it runs before any bundle.
 */

/** The global through which the app takes the queue (shared with the SPA in src/backends/contract.ts). */
export { EARLY_INPUT_GLOBAL };

export const EARLY_INPUT_SCRIPT = `(function () {
  var root = document.getElementById('root');
  if (!root || !root.hasAttribute('${FIRST_SCREEN_ATTRIBUTE}')) return;
  var queue = [];
  var CONTROLS = 'button, input[type="checkbox"], input[type="radio"], label, summary, ' +
    '[role="button"], [role="tab"], [role="checkbox"]';
  var fields = root.querySelectorAll('input:not([type]), input[type="text"], input[type="search"], textarea');
  var readOnly = [];
  for (var i = 0; i < fields.length; i++) {
    if (!fields[i].readOnly) { fields[i].readOnly = true; readOnly.push(fields[i]); }
  }
  function hold(event, item) {
    event.preventDefault();
    event.stopPropagation();
    queue.push(item);
    root.setAttribute('aria-busy', 'true');
  }
  function onClick(event) {
    var target = event.target;
    if (!target || !target.closest || target.closest('a[href]')) return;
    var row = target.closest('[data-event-id]');
    if (row) return hold(event, { eventId: row.getAttribute('data-event-id') });
    var control = target.closest(CONTROLS);
    if (control && !control.disabled) hold(event, { element: control });
  }
  function onKey(event) {
    if (event.key !== 'Enter' || !event.target || !event.target.closest) return;
    var row = event.target.closest('[data-event-id]');
    if (row) hold(event, { eventId: row.getAttribute('data-event-id') });
  }
  function onChange(event) {
    var select = event.target;
    if (!select || select.tagName !== 'SELECT') return;
    var value = select.value;
    for (var j = 0; j < select.options.length; j++) {
      if (select.options[j].defaultSelected) select.selectedIndex = j;
    }
    hold(event, { element: select, value: value });
  }
  root.addEventListener('click', onClick, true);
  root.addEventListener('keydown', onKey, true);
  root.addEventListener('change', onChange, true);
  window.${EARLY_INPUT_GLOBAL} = function () {
    root.removeEventListener('click', onClick, true);
    root.removeEventListener('keydown', onKey, true);
    root.removeEventListener('change', onChange, true);
    for (var k = 0; k < readOnly.length; k++) readOnly[k].readOnly = false;
    root.removeAttribute('aria-busy');
    var taken = queue;
    queue = [];
    return taken;
  };
})();`;
