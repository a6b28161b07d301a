import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationList, NotificationView as NotificationItem } from '@zhengji/domain';
import { api } from '../../lib/api.ts';

/** GET /api/notifications as the server answers it. */
export type { NotificationList, NotificationView as NotificationItem } from '@zhengji/domain';

export const notificationKeys = { list: ['notifications'] as const };

/** The current user's notifications and unread count; polled so the bell follows returns and receipts. */
export function useNotifications() {
  return useQuery({ queryKey: notificationKeys.list, queryFn: () => api.get<NotificationList>('/api/notifications', { limit: 50 }), refetchInterval: 60_000 });
}

/** Marks one notification read (POST /api/notifications/:id/read). */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<NotificationItem>(`/api/notifications/${id}/read`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.list }),
  });
}

/** Marks every notification read (POST /api/notifications/read-all). */
export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ marked: number; unread: number }>('/api/notifications/read-all'),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.list }),
  });
}
