/* Windows's Time to live (TTL) field, as View → Advanced shows it in the record dialogs. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LCS_TYPE_TTL_ENTRY (lcs_ttl_entry_get_type ())
G_DECLARE_FINAL_TYPE (LcsTtlEntry, lcs_ttl_entry, LCS, TTL_ENTRY, GtkBox)

/* In seconds; the "seconds" property notifies each change. */
guint32 lcs_ttl_entry_get_seconds (LcsTtlEntry *self);
void    lcs_ttl_entry_set_seconds (LcsTtlEntry *self,
                                   guint32      seconds);

G_END_DECLS
