/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A finding: one rule that fired, about one owner name, with its fix. */
#pragma once

#include <glib.h>
#include <lcsdns/model/entry-fields.h>
#include <lcsdns/model/record.h>
#include <lcsdns/model/rules.h>

G_BEGIN_DECLS

typedef struct {
  const LcsRule *rule;
  LcsSeverity    severity;
  LcsView        view;
  char          *name;       /* absolute owner name it is about; NULL when none */
  char          *message;    /* one line */
  char          *fix;        /* one line; NULL when no fix exists */
  LcsSrvEntry   *fix_entry;  /* SRV dialog fields to type; NULL when the fix is not an entry */
  LcsHostEntry  *fix_host;   /* New Host dialog fields to type; NULL when the fix is not a host */
  LcsEntryFields fields;     /* the dialog fields it is about; 0 when not about an entry */
  guint16        type;       /* the DNS type of the record it is about (LcsType): SRV for an SRV
                              * rule, A for a host rule, else set where it is made; 0 when it is
                              * about no one record (a zone file, a certificate, a whole domain) */
  char          *file;       /* zone-syntax: where */
  guint          line;
  guint          column;
} LcsFinding;

LcsFinding *lcs_finding_new  (const char  *rule_id,
                              LcsView      view,
                              const char  *name,
                              const char  *format,
                              ...) G_GNUC_PRINTF (4, 5);
void        lcs_finding_set_fix (LcsFinding *finding,
                                 const char *format,
                                 ...) G_GNUC_PRINTF (2, 3);
LcsFinding *lcs_finding_copy (const LcsFinding *finding);
void        lcs_finding_free (LcsFinding *finding);

/* Errors first, then warnings, then info; by name within a severity. */
gint        lcs_finding_compare (gconstpointer a,
                                 gconstpointer b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcsFinding, lcs_finding_free)

G_END_DECLS
