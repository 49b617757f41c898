/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Zone files (docs/spec.md §8): RFC 1035 master files as BIND writes them and Windows DNS exports them. */
#pragma once

#include <glib.h>
#include <lcsdns/model/observe.h>
#include <lcsdns/model/record.h>

G_BEGIN_DECLS

#define LCS_ZONE_ERROR (lcs_zone_error_quark ())
GQuark lcs_zone_error_quark (void);

typedef enum {
  LCS_ZONE_ERROR_UNREADABLE,  /* the file (or an $INCLUDE) cannot be opened or read */
  LCS_ZONE_ERROR_NO_ORIGIN,   /* no $ORIGIN, no origin given, and no usable file name */
} LcsZoneError;

/* Called for every record read, in file order; the callee owns @record. */
typedef void (*LcsZoneRecordFunc) (LcsRecord *record,
                                   gpointer   user_data);

/* Streams @path once. @origin may be NULL: then $ORIGIN, else the file name as Windows names it
 * ("contoso.com.dns" → contoso.com.). A bad line appends one zone-syntax LcsFinding (file, line,
 * column, message) to @findings and reading goes on; so does a record whose owner is outside the
 * zone, which is not passed on (BIND ignores out-of-zone data). Returns FALSE only when the file cannot be
 * read at all; *@origin_out (optional) receives the origin used, absolute. */
gboolean  lcs_zone_read  (const char         *path,
                          const char         *origin,
                          LcsZoneRecordFunc   func,
                          gpointer            user_data,
                          GPtrArray          *findings,
                          char              **origin_out,
                          GError            **error);

/* Reads @path into @obs under @view and registers its origin as a loaded zone. */
gboolean  lcs_zone_load  (LcsObservations    *obs,
                          LcsView             view,
                          const char         *path,
                          const char         *origin,
                          GPtrArray          *findings,
                          GError            **error);
/* The same, handing each record to @func (may be NULL) as @obs keeps it, in file order: borrowed,
 * it lives as long as @obs (or a copy sharing it), so a viewer needs no copy of its own.
 * *@origin_out (optional) receives the origin used, absolute. */
gboolean  lcs_zone_load_full (LcsObservations    *obs,
                              LcsView             view,
                              const char         *path,
                              const char         *origin,
                              LcsRecordFunc       func,
                              gpointer            user_data,
                              GPtrArray          *findings,
                              char              **origin_out,
                              GError            **error);

/* Where lcs_zone_peek_origin found a file's zone name. */
typedef enum {
  LCS_ZONE_ORIGIN_FROM_NONE,       /* nowhere: the admin must name the zone */
  LCS_ZONE_ORIGIN_FROM_DIRECTIVE,  /* $ORIGIN before the first record: the file fixes the name */
  LCS_ZONE_ORIGIN_FROM_SOA,        /* the first record is the SOA, its owner written absolute */
  LCS_ZONE_ORIGIN_FROM_HEADER,     /* Windows' export comment "Database file … for <zone> zone." */
  LCS_ZONE_ORIGIN_FROM_FILE_NAME,  /* "contoso.com.dns" → contoso.com. */
} LcsZoneOriginSource;

/* The zone @path holds, read from the head of the file only (a byte-order mark skipped, UTF-16
 * converted): its $ORIGIN, else its SOA owner, else the zone Windows' export header names, else
 * the file name as Windows names exports. *@origin (absolute, lower case) is NULL when none of
 * these gives one. FALSE with @error only when the file cannot be opened or read. */
gboolean  lcs_zone_peek_origin (const char           *path,
                                char                **origin,
                                LcsZoneOriginSource  *source,
                                GError              **error);

G_END_DECLS
