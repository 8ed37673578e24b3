import type { Messages } from "../../../web/i18n/index.js";
import { describedBy, Field, FormErrors } from "../../../web/components/field.js";
import { paths } from "../../../web/urls.js";

export interface EditState {
  id: number;
  values: { name: string; website: string; body: string };
  back: string;
  errors: Record<string, string>;
  summary?: string | undefined;
}

/** Editing a comment: its name, website and text (the original stays in its history). */
export function EditView({ t, state }: { t: Messages; state: EditState }) {
  const { errors, values } = state;
  return (
    <>
      <h1>{t.desk.editTitle(state.id)}</h1>
      <form method="post" action={paths.admin.deskEdit(state.id)} class="narrow" novalidate>
        <FormErrors summary={state.summary} />
        <p>{t.desk.editNote}</p>
        <input type="hidden" name="retour" value={state.back} />
        <Field id="edit-name" label={t.desk.name} required error={errors.name}>
          <input
            id="edit-name"
            name="name"
            type="text"
            value={values.name}
            required
            {...describedBy("edit-name", errors.name)}
          />
        </Field>
        <Field id="edit-website" label={t.desk.website} error={errors.website}>
          <input
            id="edit-website"
            name="website"
            type="url"
            value={values.website}
            {...describedBy("edit-website", errors.website)}
          />
        </Field>
        <Field id="edit-body" label={t.desk.body} required error={errors.body}>
          <textarea
            id="edit-body"
            name="body"
            rows={10}
            required
            {...describedBy("edit-body", errors.body)}
          >
            {values.body}
          </textarea>
        </Field>
        <p class="form-submit">
          <button type="submit">{t.desk.save}</button> <a href={state.back}>{t.desk.cancel}</a>
        </p>
      </form>
    </>
  );
}
