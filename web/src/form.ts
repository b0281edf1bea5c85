// Form state: one general error (shown in an alert region) and per-field
// errors placed by the server's `error.field`.
import { nextTick, reactive, ref } from 'vue';
import { ApiError } from './api';
import { t } from './i18n';

/** `normalize` maps the server's field names ("phones[1].number", "address.town") onto the keys of `fieldIds`. */
export function useForm(fieldIds: Record<string, string>, normalize: (field: string) => string = (f) => f) {
  const error = ref('');
  const fieldErrors = reactive<Record<string, string>>({});
  const busy = ref(false);

  function clear() {
    error.value = '';
    for (const k of Object.keys(fieldErrors)) delete fieldErrors[k];
  }

  /** Puts an error next to the field named `field` (or in the general alert) and focuses that field. */
  function fail(message: string, rawField: string | null = null) {
    const field = rawField ? normalize(rawField) : null;
    if (field && field in fieldIds) {
      fieldErrors[field] = message;
      void nextTick(() => document.getElementById(fieldIds[field]!)?.focus());
    } else {
      error.value = message;
    }
  }

  /** Runs `action`; an ApiError is shown, anything else becomes a generic message. */
  async function run(action: () => Promise<void>): Promise<boolean> {
    if (busy.value) return false;
    clear();
    busy.value = true;
    try {
      await action();
      return true;
    } catch (e) {
      if (e instanceof ApiError) fail(e.message, e.field);
      else {
        console.error(e);
        fail(t('app.error_server'));
      }
      return false;
    } finally {
      busy.value = false;
    }
  }

  return { error, fieldErrors, busy, clear, fail, run };
}
