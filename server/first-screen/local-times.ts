/**
 * The server renders event times (rows, and other times marked `data-local-time`) in its own zone; an operator's browser is usually in another one.
 * This inline script, placed right after the server-rendered rows, rewrites each row's time in the
 * browser's zone before the app has loaded, exactly as `formatEventTime(ms, 'local')` writes it
 * (src/features/events/utils/format-time.ts; local-times.test.ts compares the two across zones).
 * Plain ES5 text: it runs as it is, before any bundle.
 */
/** Row times, and other times marked for it (the status's retention start). */
export const LOCAL_TIME_SELECTOR =
  '#root [data-event-id] time[datetime], #root time[datetime][data-local-time]';

export const LOCAL_TIMES_SCRIPT = `(function () {
  function pad(value, width) {
    var text = String(value);
    while (text.length < (width || 2)) text = '0' + text;
    return text;
  }
  function format(ms) {
    var date = new Date(ms);
    if (isNaN(date.getTime())) return '\\u2014';
    return date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate()) + ' ' +
      pad(date.getHours()) + ':' + pad(date.getMinutes()) + ':' + pad(date.getSeconds()) + '.' +
      pad(date.getMilliseconds(), 3);
  }
  var cells = document.querySelectorAll(${JSON.stringify(LOCAL_TIME_SELECTOR)});
  for (var i = 0; i < cells.length; i++) {
    cells[i].textContent = format(Date.parse(cells[i].getAttribute('datetime')));
  }
})();`;
