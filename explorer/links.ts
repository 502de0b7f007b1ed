/**
 * Links between the views: real `<a href="?…">` elements (they open in a new tab, and keyboards follow them), whose
 * plain clicks move the page without reloading it.
 *
 * @module
 */
import { hrefOf, type Route } from './app.js';
import { h } from './dom.js';

/** Moves the page to a route (and records it in the history). */
export type Navigate = (route: Route) => void;

/** A link to a route. */
export function link(navigate: Navigate, route: Route, text: string, attributes: Record<string, string> = {}): HTMLAnchorElement {
  return h('a', {
    ...attributes,
    href: hrefOf(route),
    onclick: (event) => {
      const e = event as MouseEvent;
      if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      navigate(route);
    },
  }, text);
}
