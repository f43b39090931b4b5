/**
 * A link's click handler that opens its place inside the console instead of loading the page;
 * a modified or middle click (new tab, new window) is left to the browser, as on any link.
 */
export function inApp(open: () => void): (e: MouseEvent) => void {
  return (e) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    open();
  };
}
