import type { ReactiveControllerHost } from 'lit';
import { LedeController } from './controller.js';
import { ChildrenController } from './children-controller.js';
import type { LedeErrorCode } from './events.js';
import { parseJsonAttribute } from './json-attribute.js';
import { parseLeadInList, type LeadInItem } from './list-parser.js';

/** Where an element's items came from, in order of precedence. */
export type DataSource = 'property' | 'attribute' | 'children' | 'none';

/** A bad field and what is wrong with it. */
export interface Problem {
  field: string;
  problem: string;
}

/** The items on screen and where they came from; `heading` and `ordered` come from the children only. */
export interface ResolvedData<T> {
  items: T[];
  source: DataSource;
  heading?: string;
  ordered?: boolean;
}

export interface DataSourceOptions<T> {
  /** The property name, such as `points`; its attribute is reported as `points attribute`. */
  name: string;
  /** The property's value; undefined when not set. */
  property: () => unknown;
  /** The JSON attribute's text; null or undefined when absent. */
  attribute: () => string | null | undefined;
  /** Keeps the valid items of an untrusted value, pushing a problem for each invalid one. */
  validate: (value: unknown, field: string, problems: Problem[]) => T[];
  /** Turns the children's lead-in list into items, pushing a problem for each it skips. */
  fromChildren: (items: LeadInItem[], problems: Problem[]) => T[];
  /** Reports a problem (the host's `reportProblem`). */
  report: (code: LedeErrorCode, field: string, problem: string) => void;
}

const codes: Record<DataSource, LedeErrorCode> = {
  property: 'invalid-property',
  attribute: 'invalid-attribute',
  children: 'invalid-children',
  none: 'invalid-children',
};

/**
 * Resolves an element's list data by precedence: the JS property, else the JSON attribute, else
 * the lead-in list among the element's HTML children (the progressive-enhancement markup). It
 * resolves again before an update only when the property, the attribute or the children changed,
 * and reports every invalid item by its path while keeping the valid ones.
 */
export class DataSourceController<T> extends LedeController {
  readonly #host: HTMLElement;
  readonly #options: DataSourceOptions<T>;
  readonly #children: ChildrenController;
  #seen: [unknown, unknown, number] = [undefined, undefined, -1];
  #value: ResolvedData<T> = { items: [], source: 'none' };

  constructor(host: ReactiveControllerHost & HTMLElement, options: DataSourceOptions<T>) {
    super();
    this.#host = host;
    this.#options = options;
    this.#children = new ChildrenController(host);
    host.addController(this);
  }

  /** The resolved data, resolved again first if the property, the attribute or the children changed. */
  get value(): ResolvedData<T> {
    const { property, attribute } = this.#options;
    const now: [unknown, unknown, number] = [property(), attribute(), this.#children.version];
    if (now.some((value, index) => value !== this.#seen[index])) {
      this.#seen = now;
      this.#value = this.#resolve(now[0], now[1] as string | null | undefined);
    }
    return this.#value;
  }

  /** Resolves before each render, so that problems are reported outside `render()`. */
  override hostUpdate(): void {
    void this.value;
  }

  #resolve(property: unknown, attribute: string | null | undefined): ResolvedData<T> {
    const { name, validate, fromChildren, report } = this.#options;
    const problems: Problem[] = [];
    let result: ResolvedData<T> | undefined;
    if (property !== undefined) result = { items: validate(property, name, problems), source: 'property' };
    else if (attribute != null) {
      const parsed = parseJsonAttribute(attribute);
      if (parsed.ok) result = { items: validate(parsed.value, `${name} attribute`, problems), source: 'attribute' };
      else report('invalid-json', `${name} attribute`, parsed.problem);
    }
    if (!result) {
      const list = parseLeadInList(this.#host);
      problems.push(...list.problems.map((problem) => ({ field: 'children', problem })));
      const items = fromChildren(list.items, problems);
      result = { items, heading: list.heading, ordered: list.ordered, source: items.length ? 'children' : 'none' };
    }
    for (const { field, problem } of problems) report(codes[result.source], field, problem);
    return result;
  }
}
