import { nanoid } from 'nanoid';
import type { FaqDraft } from './settings-draft';
import { CheckedField, FieldError } from './field-error';

export interface FaqEditorProps {
  faqs: FaqDraft[];
  /** Errors keyed by form slot (`faqs.0.keywords`, or `faqs` for the list). */
  errors: Record<string, string>;
  onChange(faqs: FaqDraft[]): void;
}

/** Scripted answers: posted at once when a visitor's message matches a keyword before an agent joins. */
export function FaqEditor({ faqs, errors, onChange }: FaqEditorProps) {
  const set = (i: number, patch: Partial<FaqDraft>) => onChange(faqs.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  return (
    <fieldset class="set-section">
      <legend>Scripted answers</legend>
      <p class="muted">Sent automatically when a message contains one of the keywords and no agent has answered yet.</p>
      <FieldError id="set-faqs" error={errors.faqs} />
      {faqs.length === 0 && <p class="muted">No scripted answers.</p>}
      {faqs.map((f, i) => {
        const id = `set-faq-${i}`;
        const err = (name: string) => errors[`faqs.${i}.${name}`];
        return (
          <fieldset key={f.id} class="set-faq">
            <legend>Scripted answer {i + 1}</legend>
            <CheckedField id={`${id}-question`} label="Question" error={err('question')}>
              {(control) => (
                <input type="text" value={f.question} onInput={(e) => set(i, { question: e.currentTarget.value })} {...control} />
              )}
            </CheckedField>
            <CheckedField id={`${id}-keywords`} label="Keywords" error={err('keywords')}>
              {(control) => (
                <input
                  type="text"
                  value={f.keywords}
                  placeholder="shipping, delivery"
                  onInput={(e) => set(i, { keywords: e.currentTarget.value })}
                  {...control}
                />
              )}
            </CheckedField>
            <CheckedField id={`${id}-answer`} label="Answer" error={err('answer')}>
              {(control) => <textarea rows={3} value={f.answer} onInput={(e) => set(i, { answer: e.currentTarget.value })} {...control} />}
            </CheckedField>
            <button type="button" class="btn btn-small" onClick={() => onChange(faqs.filter((_, j) => j !== i))}>
              Remove scripted answer {i + 1}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        class="btn btn-small"
        onClick={() => onChange([...faqs, { id: nanoid(), question: '', keywords: '', answer: '' }])}
      >
        Add scripted answer
      </button>
    </fieldset>
  );
}
