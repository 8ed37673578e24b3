/**
 * The editor's toolbar: one row of named buttons (role="toolbar", its label from the labels).
 * Arrow keys, Home and End move between buttons and Tab leaves the toolbar (the roving tabindex
 * of the ARIA toolbar pattern); marks and blocks say whether they apply with aria-pressed.
 */

export interface Tool {
  /** The button's words: its accessible name, visible. */
  label: string;
  /** A class for how the button looks ("tool-bold" shows its word in bold). */
  name: string;
  run(): void;
  /** A toggle: pressed while the selection has it. */
  active?(): boolean;
  enabled?(): boolean;
}

export interface Toolbar {
  element: HTMLElement;
  /** Brings pressed and enabled states in line with the editor's selection. */
  refresh(): void;
}

export function buildToolbar(label: string, groups: Tool[][]): Toolbar {
  const element = document.createElement("div");
  element.className = "rich-toolbar";
  element.setAttribute("role", "toolbar");
  element.setAttribute("aria-label", label);
  const buttons: { button: HTMLButtonElement; tool: Tool }[] = [];
  for (const group of groups) {
    const box = document.createElement("span");
    box.className = "rich-toolbar-group";
    for (const tool of group) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = `tool tool-${tool.name}`;
      button.textContent = tool.label;
      button.tabIndex = -1;
      // The editor keeps its selection and focus while a button is pressed with the mouse.
      button.addEventListener("mousedown", (event) => event.preventDefault());
      button.addEventListener("click", () => tool.run());
      box.append(button);
      buttons.push({ button, tool });
    }
    element.append(box);
  }

  let current = 0;
  const usable = () => buttons.filter(({ button }) => !button.disabled).map(({ button }) => button);
  const focusable = (index: number) => {
    buttons.forEach(({ button }, i) => (button.tabIndex = i === index ? 0 : -1));
    current = index;
  };
  element.addEventListener("keydown", (event) => {
    const list = usable();
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const next =
      event.key === "ArrowRight"
        ? (at + 1) % list.length
        : event.key === "ArrowLeft"
          ? (at - 1 + list.length) % list.length
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? list.length - 1
              : -1;
    const target = list[next];
    if (!target) return;
    event.preventDefault();
    focusable(buttons.findIndex(({ button }) => button === target));
    target.focus();
  });
  element.addEventListener("focusin", (event) => {
    const index = buttons.findIndex(({ button }) => button === event.target);
    if (index >= 0) focusable(index);
  });

  const refresh = () => {
    for (const { button, tool } of buttons) {
      if (tool.active) button.setAttribute("aria-pressed", String(tool.active()));
      if (tool.enabled) button.disabled = !tool.enabled();
    }
    // The one button Tab lands on must stay usable.
    if (buttons[current]?.button.disabled) {
      const first = usable()[0];
      focusable(first ? buttons.findIndex(({ button }) => button === first) : 0);
    }
  };
  focusable(0);
  refresh();
  return { element, refresh };
}
