/**
 * A small helper to build DOM elements: `h('a', { href }, 'text')`. Text is always set as text (never as HTML), so
 * nothing from data or the address bar can inject markup.
 *
 * @module
 */

/** Attributes of {@link h}: strings and numbers set as attributes, functions as event listeners (`onclick`). */
export type Attributes = Record<string, string | number | boolean | undefined | ((event: Event) => void)>;
/** A child: an element, text, or nothing. */
export type Child = Node | string | number | null | undefined | false;

/** Creates an element with attributes and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) if (child !== null && child !== undefined && child !== false) element.append(typeof child === 'number' ? String(child) : child);
  return element;
}

/** Replaces an element's children. */
export function fill(element: Element, ...children: (Child | Child[])[]): void {
  element.replaceChildren();
  for (const child of children.flat()) if (child !== null && child !== undefined && child !== false) element.append(typeof child === 'number' ? String(child) : child);
}

/** Offers text as a file download. */
export function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name.replace(/[^\w.() -]+/g, '_');
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
