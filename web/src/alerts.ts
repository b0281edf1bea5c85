// Open alert plans, shown to everyone in a banner; refreshed at most once a minute on navigation.
import { ref } from 'vue';
import { registerApi, type Alert } from './register';

export const openAlerts = ref<Alert[]>([]);
let loadedAt = 0;

export async function refreshAlerts(force = false): Promise<void> {
  if (!force && Date.now() - loadedAt < 60_000) return;
  loadedAt = Date.now();
  try {
    const answer = await registerApi.alerts();
    openAlerts.value = answer.open ?? (answer.items ?? []).filter((a) => !a.ended_at);
  } catch {
    // No banner when the list cannot be read (not logged in, route missing): nothing to warn about.
    openAlerts.value = [];
  }
}

export function forgetAlerts(): void {
  openAlerts.value = [];
  loadedAt = 0;
}
