/**
 * Things the user must be told that happened outside any click: a settings file moved
 * aside, secret storage missing, a database that could not be opened. Kept in memory for
 * the session; shown as banners until dismissed.
 */
import type { Notice } from '@shared/contract';

export class NoticeBoard {
  private notices: Notice[] = [];

  constructor(private readonly onChange: (notices: Notice[]) => void = () => {}) {}

  add(notice: Notice): void {
    this.notices = [...this.notices.filter((n) => n.id !== notice.id), notice];
    this.onChange(this.list());
  }

  list(): Notice[] {
    return [...this.notices];
  }

  dismiss(id: string): Notice[] {
    this.notices = this.notices.filter((n) => n.id !== id);
    this.onChange(this.list());
    return this.list();
  }
}
