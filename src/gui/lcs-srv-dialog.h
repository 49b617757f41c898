/* New Resource Record → Service Location (SRV), as in the Windows DNS console, checked as typed. */
#pragma once

#include <gtk/gtk.h>
#include <lcsdns/check/entry.h>
#include <lcsdns/profile/profile.h>

G_BEGIN_DECLS

#define LCS_TYPE_SRV_DIALOG (lcs_srv_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LcsSrvDialog, lcs_srv_dialog, LCS, SRV_DIALOG, GtkDialog)

/* @profile may be NULL (no port and target-domain checks). @initial NULL: a new record in the
 * profile's primary domain. Responds GTK_RESPONSE_OK (after confirmation when the entry has
 * errors) or GTK_RESPONSE_CANCEL. */
GtkWidget            *lcs_srv_dialog_new        (GtkWindow         *parent,
                                                 const LcsProfile  *profile,
                                                 const LcsSrvEntry *initial);
/* The fields as typed now; a new copy. */
LcsSrvEntry          *lcs_srv_dialog_get_entry  (LcsSrvDialog      *self);
void                  lcs_srv_dialog_set_domain (LcsSrvDialog      *self,
                                                 const char        *domain);
/* The check of the fields as typed now; owned by the dialog, replaced on every change. */
const LcsSrvResult *lcs_srv_dialog_get_result (LcsSrvDialog      *self);
gboolean              lcs_srv_dialog_get_allow_update (LcsSrvDialog *self);
/* The DNS view the record is for (LcsView; -1, the default: not known). The checks follow that
 * view's plan, and the title names it. */
void                  lcs_srv_dialog_set_view   (LcsSrvDialog      *self,
                                                 int                view);
int                   lcs_srv_dialog_get_view   (LcsSrvDialog      *self);

/* View → Advanced, as in Windows: the Time to live (TTL) and "Delete this record when it becomes
 * stale" show; the record line carries the TTL. */
void                  lcs_srv_dialog_set_advanced (LcsSrvDialog *self,
                                                   gboolean      advanced);
/* The TTL the record gets: the Advanced field's, one hour unless changed there. */
guint32               lcs_srv_dialog_get_ttl    (LcsSrvDialog      *self);

G_END_DECLS
