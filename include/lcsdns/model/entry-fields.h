/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The fields of the Windows New Resource Record dialogs, exactly as typed: plain data that a
 * finding's fix carries and the entry checks (check/entry.h) read. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The fields a finding is about, for the dialog to mark them. */
typedef enum {
  LCS_ENTRY_FIELD_SERVICE      = 1 << 0,
  LCS_ENTRY_FIELD_PROTOCOL     = 1 << 1,
  LCS_ENTRY_FIELD_PRIORITY     = 1 << 2,
  LCS_ENTRY_FIELD_WEIGHT       = 1 << 3,
  LCS_ENTRY_FIELD_PORT         = 1 << 4,
  LCS_ENTRY_FIELD_TARGET       = 1 << 5,
  LCS_ENTRY_FIELD_HOST_NAME    = 1 << 6,
  LCS_ENTRY_FIELD_HOST_ADDRESS = 1 << 7,
} LcsEntryFields;

/* The seven fields of the Service Location (SRV) tab, exactly as typed. */
typedef struct {
  char *domain;    /* read-only in the dialog: the zone */
  char *service;
  char *protocol;
  char *priority;
  char *weight;
  char *port;
  char *target;    /* Host offering this service */
} LcsSrvEntry;

/* New Host dialog: Name (blank = the zone itself), IP address. */
typedef struct {
  char *domain;
  char *name;
  char *address;
} LcsHostEntry;

LcsSrvEntry  *lcs_srv_entry_new      (const char *domain);
/* The seven fields as typed; NULL stands for an empty field. */
LcsSrvEntry  *lcs_srv_entry_new_full (const char *domain,
                                      const char *service,
                                      const char *protocol,
                                      const char *priority,
                                      const char *weight,
                                      const char *port,
                                      const char *target);
LcsSrvEntry  *lcs_srv_entry_copy     (const LcsSrvEntry *entry);
void          lcs_srv_entry_free     (LcsSrvEntry *entry);
gboolean      lcs_srv_entry_equal    (const LcsSrvEntry *a,
                                      const LcsSrvEntry *b);
/* The typed fields (all but the domain) in which @a and @b differ; NULL counts as empty. */
LcsEntryFields lcs_srv_entry_diff    (const LcsSrvEntry *a,
                                      const LcsSrvEntry *b);

LcsHostEntry *lcs_host_entry_new     (const char *domain);
LcsHostEntry *lcs_host_entry_copy    (const LcsHostEntry *entry);
void          lcs_host_entry_free    (LcsHostEntry *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcsSrvEntry, lcs_srv_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcsHostEntry, lcs_host_entry_free)

G_END_DECLS
