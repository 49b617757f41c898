/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One resource record as read from a zone file or received from a server. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  LCS_TYPE_A     = 1,
  LCS_TYPE_NS    = 2,
  LCS_TYPE_CNAME = 5,
  LCS_TYPE_SOA   = 6,
  LCS_TYPE_PTR   = 12,
  LCS_TYPE_MX    = 15,
  LCS_TYPE_TXT   = 16,
  LCS_TYPE_AAAA  = 28,
  LCS_TYPE_SRV   = 33,
} LcsType;

typedef enum {
  LCS_VIEW_INTERNAL,
  LCS_VIEW_EXTERNAL,
} LcsView;

const char *lcs_view_to_string (LcsView view);

/* The TTL the Windows DNS console gives a record typed into its dialogs (one hour); the records
 * the console writes or scripts carry it too. */
#define LCS_WINDOWS_TTL 3600

/* The pointers first and the numbers packed after them: a zone of a million records holds a
 * million of these, and the order leaves no padding (48 bytes on 64-bit systems). */
typedef struct {
  char    *owner;     /* absolute, lower case, final dot */
  char    *rdata;     /* presentation form, names absolute */
  /* Parsed for the types the checks use; zero / NULL otherwise. */
  char    *target;    /* SRV, CNAME, NS, MX, PTR: absolute, lower case */
  char    *address;   /* A, AAAA: canonical text */
  guint32  ttl;
  guint32  aging;     /* a zone file's [AGE:n]: hours since 1601-01-01 UTC; 0 for a static record */
  guint16  type;      /* DNS type number */
  guint16  priority;  /* SRV, MX */
  guint16  weight;    /* SRV */
  guint16  port;      /* SRV */
} LcsRecord;

LcsRecord  *lcs_record_new       (const char *owner,
                                  guint32     ttl,
                                  guint16     type);
LcsRecord  *lcs_record_new_srv   (const char *owner,
                                  guint32     ttl,
                                  guint16     priority,
                                  guint16     weight,
                                  guint16     port,
                                  const char *target);
LcsRecord  *lcs_record_new_address (const char *owner,
                                    guint32     ttl,
                                    const char *address);
LcsRecord  *lcs_record_new_alias (const char *owner,
                                  guint32     ttl,
                                  guint16     type,
                                  const char *target);
LcsRecord  *lcs_record_copy      (const LcsRecord *record);
void        lcs_record_free      (LcsRecord *record);

/* "SRV", "A", … or "TYPE<n>". */
const char *lcs_type_to_string   (guint16     type);
/* 0 when unknown; accepts "TYPE<n>". */
guint16     lcs_type_from_string (const char *text);

/* TRUE when @a and @b are the same IPv4 or IPv6 address, however written; FALSE when either
 * is NULL or not an address. */
gboolean    lcs_address_equal      (const char *a,
                                    const char *b);

/* Data as the Windows console shows it: "[0][0][5061] lcs.contoso.com." for SRV, "[10] mail." for
 * MX, "[serial], primary, responsible" for SOA, else rdata. */
char       *lcs_record_format_data (const LcsRecord *record);
/* The Type column of DNS Manager: "Service Location (SRV)", "Host (A)", …; the mnemonic for types
 * it has no name for. */
const char *lcs_type_display_name  (guint16          type);
/* The Timestamp column of DNS Manager: "static", or the aging time in local time as Windows
 * writes it, "12/1/2026 3:00:00 PM". */
char       *lcs_record_format_timestamp (const LcsRecord *record);

/* One record as one line, "owner [TTL] TYPE data" (SRV, A, AAAA, CNAME; the TTL only when it is
 * not LCS_WINDOWS_TTL): how a profile keeps the records an admin added. Parsing validates names,
 * numbers and addresses. */
char       *lcs_record_to_line     (const LcsRecord *record);
LcsRecord  *lcs_record_parse_line  (const char      *line,
                                    GError         **error);

/* The record as a master-file line: "owner TTL IN TYPE data". */
char       *lcs_record_to_zone_line (const LcsRecord *record);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcsRecord, lcs_record_free)

G_END_DECLS
