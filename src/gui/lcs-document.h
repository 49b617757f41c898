/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the console window shows: a profile (with the zone files it is checked against
 * offline), where it is saved, whether it changed, what Undo and Redo bring back, and the last
 * report. No GTK here. */
#pragma once

#include <glib.h>
#include <lcsdns/check/check.h>
#include <lcsdns/model/observe.h>
#include <lcsdns/profile/profile.h>

#include "lcs-undo.h"

G_BEGIN_DECLS

typedef struct {
  LcsProfile *profile;
  char       *path;       /* NULL: not saved yet (new or demo) */
  gboolean    dirty;
  gboolean    demo;
  LcsUndo    *undo;       /* profiles as they were before each change */
  GPtrArray  *cert_findings; /* LcsFinding*: the Certificates page's, added to every report */
  gboolean    live;       /* Check now asks DNS servers (the admin ran a live check), not zone files */
  gboolean    system_resolver; /* the admin chose the system's resolver for views without servers */
  LcsReport  *report;     /* NULL before any check */
  LcsObservations *obs;   /* what the last zone or live check observed, for its fix script */
  double      seconds;    /* time the last check took */
} LcsDocument;

LcsDocument *lcs_document_new        (LcsProfile  *profile,
                                      const char  *path);
void         lcs_document_free       (LcsDocument *doc);

LcsDocument *lcs_document_open_demo  (GError     **error);
LcsDocument *lcs_document_open       (const char  *path,
                                      GError     **error);
gboolean     lcs_document_save       (LcsDocument *doc,
                                      const char  *path,
                                      GError     **error);

/* Plan mode: every required record, status "planned". */
void         lcs_document_check_plan (LcsDocument *doc);
gboolean     lcs_document_has_zones  (const LcsDocument *doc);
/* Whether a live check asks only servers the admin chose: every view it checks has servers
 * named in Properties, or the admin picked the system's resolver for this deployment. */
gboolean     lcs_document_servers_chosen (const LcsDocument *doc);
/* Adds @path to the zones of @view (once); an undoable change. */
void         lcs_document_add_zone   (LcsDocument *doc,
                                      LcsView      view,
                                      const char  *path);
/* Adds @path to the zones of @view read as zone @origin (NULL: as the file says), kept in the
 * profile; a file there already takes the new name. FALSE when nothing changed: the file is
 * there with that name, or @origin is no zone name (@error, one line). Undoable. */
gboolean     lcs_document_add_zone_named (LcsDocument *doc,
                                          LcsView      view,
                                          const char  *path,
                                          const char  *origin,
                                          GError     **error);
/* The zone file @index of @view: removed, or replaced by @path read as @origin (NULL: as the
 * file says). FALSE (nothing changed) when there is no such file, @path is another of the
 * view's files, it is this one with this name already, or @origin is no zone name (@error).
 * Undoable. */
gboolean     lcs_document_remove_zone  (LcsDocument *doc,
                                        LcsView      view,
                                        guint        index);
gboolean     lcs_document_replace_zone (LcsDocument *doc,
                                        LcsView      view,
                                        guint        index,
                                        const char  *path,
                                        const char  *origin,
                                        GError     **error);

/* Every change to the profile goes through here first: what it was is kept for Undo, and the
 * document is marked changed. */
void         lcs_document_begin_change (LcsDocument *doc);
/* Takes @profile in place of the document's (Properties): an undoable change. */
void         lcs_document_replace_profile (LcsDocument *doc,
                                           LcsProfile  *profile);
/* The profile as it was before the last change (Undo), or after it (Redo). FALSE when there is
 * nothing to undo or redo. The report stays until the caller checks again. */
gboolean     lcs_document_undo       (LcsDocument *doc);
gboolean     lcs_document_redo       (LcsDocument *doc);
/* Keeps copies of @findings (LcsFinding*, the certificate's) for every report from now on. */
void         lcs_document_set_cert_findings (LcsDocument *doc,
                                             GPtrArray   *findings);
/* Replaces the certificate findings in @report by the document's. */
void         lcs_document_add_cert_findings (const LcsDocument *doc,
                                             LcsReport         *report);
/* Takes @report; the observations of the previous check go with the previous report. */
void         lcs_document_set_report (LcsDocument *doc,
                                      LcsReport   *report,
                                      double       seconds);

/* Adds @record (taken) to the records added to @view; an undoable change. */
void         lcs_document_add_record (LcsDocument *doc,
                                      LcsView      view,
                                      LcsRecord   *record);
/* Deletes the added record @index (numbered as lcs_document_added_at numbers them); FALSE,
 * nothing changed, when there is none. Undoable. */
gboolean     lcs_document_delete_added (LcsDocument *doc,
                                        int          index);

/* What a result row points at, looked up in the document as it is now: NULL when the report (or
 * the added records) has no such entry — after New or Open, a row index from before means
 * nothing. */
const LcsRecordResult *lcs_document_result_at  (const LcsDocument *doc,
                                                int                index);
const LcsFinding      *lcs_document_finding_at (const LcsDocument *doc,
                                                int                index);
/* Added records count the internal view's first, then the external view's. */
const LcsRecord       *lcs_document_added_at   (const LcsDocument *doc,
                                                int                index,
                                                LcsView           *view);

/* "contoso.lcsdns" or "Demo deployment" or "Untitled deployment". */
char        *lcs_document_display_name (const LcsDocument *doc);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcsDocument, lcs_document_free)

G_END_DECLS
