/* New Host (A or AAAA) as in the Windows DNS console, checked as typed. */
#pragma once

#include <gtk/gtk.h>
#include <lcsdns/check/entry.h>
#include <lcsdns/profile/profile.h>

G_BEGIN_DECLS

#define LCS_TYPE_HOST_DIALOG (lcs_host_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LcsHostDialog, lcs_host_dialog, LCS, HOST_DIALOG, GtkDialog)

/* @initial NULL: a new host in the profile's primary domain. "Add Host" responds GTK_RESPONSE_OK
 * (after confirmation when the entry has errors); the second button, "Cancel" until a host has
 * been added and "Done" after, responds GTK_RESPONSE_CLOSE. Like
 * Windows, the caller may keep the dialog open after Add Host: lcs_host_dialog_clear(). */
GtkWidget           *lcs_host_dialog_new        (GtkWindow          *parent,
                                                 const LcsProfile   *profile,
                                                 const LcsHostEntry *initial);
/* The fields as typed now; a new entry. */
LcsHostEntry        *lcs_host_dialog_get_entry  (LcsHostDialog      *self);
gboolean             lcs_host_dialog_get_create_ptr (LcsHostDialog  *self);
/* After a host was added: empties Name and IP address for the next one, and the second button
 * says Done from now on. */
void                 lcs_host_dialog_clear      (LcsHostDialog      *self);
/* View → Advanced, as in Windows: TTL and "Delete this record when it becomes stale". */
void                 lcs_host_dialog_set_advanced (LcsHostDialog    *self,
                                                   gboolean          advanced);
guint32              lcs_host_dialog_get_ttl    (LcsHostDialog      *self);
/* The check of the fields as typed now; owned by the dialog, replaced on every change. */
const LcsHostResult *lcs_host_dialog_get_result (LcsHostDialog      *self);

G_END_DECLS
