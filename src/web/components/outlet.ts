/** An outlet as a reader sees it: "Bloomberg" with " - Politics" in smaller type (sources/outletName.ts). */
import { html, type Raw } from '../html.js';
import { splitOutletLabel } from '../../sources/outletName.js';

/** `label` is what the read models carry (outletLabel): the name, then the section where it helps. */
export function outlet(label: string): Raw {
  const o = splitOutletLabel(label);
  return o.section ? html`${o.name}<small> - ${o.section}</small>` : html`${o.name}`;
}
