import type SlAlert from '@shoelace-style/shoelace/dist/components/alert/alert.js';

export type ToastKind = 'success' | 'warning' | 'danger' | 'primary';

const ICONS: Record<ToastKind, string> = {
  success: 'check2-circle',
  warning: 'exclamation-triangle',
  danger: 'exclamation-octagon',
  primary: 'info-circle',
};

/**
 * Says what happened, in a toast at the corner: every action ends in one. Errors stay until
 * closed (they say what to fix); the rest close by themselves.
 */
export function toast(kind: ToastKind, message: string, detail?: string): void {
  const alert = Object.assign(document.createElement('sl-alert'), {
    variant: kind,
    closable: true,
    duration: kind === 'danger' ? Infinity : 5000,
  }) as SlAlert;
  alert.dataset['testid'] = 'toast';
  const icon = document.createElement('sl-icon');
  icon.slot = 'icon';
  icon.setAttribute('name', ICONS[kind]);
  const strong = document.createElement('strong');
  strong.textContent = message;
  alert.append(icon, strong);
  if (detail) {
    const p = document.createElement('div');
    p.textContent = detail;
    alert.append(p);
  }
  document.body.append(alert);
  void alert.toast();
}

/** The toast for a failed action: the server's own message says what to fix. */
export function toastError(action: string, err: unknown): void {
  toast('danger', action, err instanceof Error ? err.message : String(err));
}
