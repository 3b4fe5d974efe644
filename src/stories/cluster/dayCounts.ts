/**
 * The burst's background (OnlineClusterer, params.anchorBurst): per UTC day
 * of publication, how many titles came and how many of them hold each word,
 * summed over the last `days` days. A word bursts when the window's titles
 * hold it far more often than these do.
 */
import { countIn, countOut } from './counting.js';

export class DayCounts {
  private readonly byDay = new Map<number, { n: number; df: Map<string, number> }>();
  private readonly df = new Map<string, number>();
  private titles = 0;
  private maxDay = -Infinity;

  constructor(private readonly days: number) {}

  /** Titles counted over the days kept. */
  get n(): number {
    return this.titles;
  }

  /** Titles over the days kept that hold `k`. */
  count(k: string): number {
    return this.df.get(k) ?? 0;
  }

  /**
   * Counts one title (its words, each once) on the day of `ms`. Days leave
   * by the articles' own time, as they arrive (not at the clusterer's
   * sweep, whose moment depends on how many articles came since a start),
   * so a restart that reloads the same days decides the same; a title older
   * than the days kept is not counted.
   */
  add(title: Iterable<string>, ms: number): void {
    const day = Math.floor(ms / 86_400_000);
    if (day > this.maxDay) {
      this.maxDay = day;
      this.trim();
    }
    if (day < this.maxDay - this.days) return;
    let d = this.byDay.get(day);
    if (!d) this.byDay.set(day, (d = { n: 0, df: new Map() }));
    d.n++;
    this.titles++;
    for (const k of title) {
      countIn(d.df, k);
      countIn(this.df, k);
    }
  }

  private trim(): void {
    const oldest = this.maxDay - this.days;
    for (const [day, d] of this.byDay) {
      if (day >= oldest) continue;
      this.titles -= d.n;
      for (const [k, c] of d.df) countOut(this.df, k, c);
      this.byDay.delete(day);
    }
  }
}
