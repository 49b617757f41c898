/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The zone files' records as DNS Manager shows them: per view, per file, the records in file
 * order, and the folders their names make under the zone (_tcp, _tls, …). No GTK here. */
#pragma once

#include <glib.h>
#include <lcsdns/check/check.h>
#include <lcsdns/model/record.h>
#include <lcsdns/profile/profile.h>

G_BEGIN_DECLS

typedef struct {
  char      *path;
  char      *named;    /* the zone name the profile gave the file when it was read; or NULL */
  char      *origin;   /* absolute; NULL until the file has been read through */
  GPtrArray *records;  /* const LcsRecord*, the set's own (LcsZoneContents.set), in file order */
  GPtrArray *folders;  /* char*: absolute names under the origin that hold records; parents first */
} LcsZoneContent;

typedef struct {
  GPtrArray  *zones[2]; /* LcsZoneContent* per LcsView */
  LcsZoneSet *set;      /* what the files are read into: it keeps the records shown */
} LcsZoneContents;

/* One row of the zone list: @record shown relative to @base (a folder or the zone's origin), or
 * by its full name when @base is NULL. */
typedef struct {
  const LcsRecord *record;
  const char      *base;
  LcsView          view;
} LcsZoneRow;

/* Contents whose records are read into @set (a reference is kept): the console keeps a zone's
 * records once, in the set the check reads too. */
LcsZoneContents *lcs_zone_contents_new   (LcsZoneSet       *set);
void             lcs_zone_contents_free  (LcsZoneContents *contents);
/* A file of @view, to be read as @profile names it (see LcsZoneContent.named). */
LcsZoneContent  *lcs_zone_contents_add   (LcsZoneContents  *contents,
                                          LcsView           view,
                                          const char       *path,
                                          const LcsProfile *profile);
/* Whether @contents (NULL: none) are @profile's zone files, in order, under the names it gives
 * them: what reading them again would give, so long as the files are unchanged. */
gboolean         lcs_zone_contents_match (const LcsZoneContents *contents,
                                          const LcsProfile      *profile);
guint            lcs_zone_contents_count (const LcsZoneContents *contents);

/* The folders that the record owners @parents (absolute names: each owner without its first
 * label) make under @origin, every ancestor included, parents before children. Runs in the
 * reading thread. */
GPtrArray       *lcs_zone_folders        (GHashTable *parents,
                                          const char *origin);

/* The rows of @view (LCS_VIEW_ANY, -1: both) and @zone (-1: every zone). With @folder NULL every
 * record, by its full name; else the records directly in @folder (the zone's origin
 * for its top level), named relative to it, as DNS Manager lists a folder. */
GArray          *lcs_zone_contents_rows  (const LcsZoneContents *contents,
                                          int                    view,
                                          int                    zone,
                                          const char            *folder);
/* Where lcs_zone_contents_rows_more goes on from; starts at LCS_ZONE_ROWS_CURSOR_INIT. */
typedef struct {
  int   view;
  guint zone;
  guint record;
  GHashTable *folders;  /* the current zone's folders, made on the first batch */
} LcsZoneRowsCursor;

#define LCS_ZONE_ROWS_CURSOR_INIT { LCS_VIEW_INTERNAL, 0, 0, NULL }

/* The same rows, a batch at a time (a 200,000-record zone is not sorted in one main-loop turn):
 * appends to @rows those of the next @limit records from @cursor on, and moves @cursor past them.
 * TRUE while records are left. */
gboolean         lcs_zone_contents_rows_more (const LcsZoneContents *contents,
                                              int                    view,
                                              int                    zone,
                                              const char            *folder,
                                              GArray                *rows,
                                              LcsZoneRowsCursor     *cursor,
                                              guint                  limit);
/* Frees what @cursor holds, and sets it back to the start. */
void             lcs_zone_rows_cursor_clear  (LcsZoneRowsCursor *cursor);

/* The Name column: the owner relative to the row's base, "(same as parent folder)" at the base;
 * the full name without its final dot when there is no base. */
char            *lcs_zone_row_name       (const LcsZoneRow *row);
/* Whether any column of @row contains @needle (lower case), letters compared without case, as the
 * filter box asks. */
gboolean         lcs_zone_row_matches    (const LcsZoneRow *row,
                                          const char       *needle);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcsZoneContents, lcs_zone_contents_free)

G_END_DECLS
