import type { ComponentChildren, RefObject } from 'preact';

export interface ViewFormProps {
  formRef: RefObject<HTMLFormElement>;
  class: string;
  /** The heading's id, which names the form. */
  headingId: string;
  heading: string;
  /** A send is under way: another submit meanwhile is ignored. */
  busy: boolean;
  onSubmit(): void;
  children: ComponentChildren;
}

/** A view's form (call back, new time, feedback): named by its heading, checked by the view and not the browser, one send at a time. */
export function ViewForm({ formRef, class: cls, headingId, heading, busy, onSubmit, children }: ViewFormProps) {
  return (
    <form
      ref={formRef}
      class={cls}
      noValidate
      aria-labelledby={headingId}
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) onSubmit();
      }}
    >
      <h3 id={headingId}>{heading}</h3>
      {children}
    </form>
  );
}
