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

typedef struct {
  char    *owner;     /* absolute, lower case, final dot */
  guint32  ttl;
  guint16  type;      /* DNS type number */
  char    *rdata;     /* presentation form, names absolute */
  /* Parsed for the types the checks use; zero / NULL otherwise. */
  guint16  priority;  /* SRV, MX */
  guint16  weight;    /* SRV */
  guint16  port;      /* SRV */
  char    *target;    /* SRV, CNAME, NS, MX, PTR: absolute, lower case */
  char    *address;   /* A, AAAA: canonical text */
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

/* Data as the Windows console shows it: "[0][0][5061] lcs.contoso.com." for SRV, else rdata. */
char       *lcs_record_format_data (const LcsRecord *record);

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
