/* SPDX-License-Identifier: GPL-3.0-or-later */
/* DNS names: validation, normalisation, origin arithmetic, did-you-mean distance. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LCS_NAME_MAX_LABEL 63
#define LCS_NAME_MAX_NAME  253

typedef enum {
  LCS_NAME_HOST,   /* host name: LDH labels only (RFC 952/1123) */
  LCS_NAME_OWNER,  /* any owner name: `_service` labels allowed too */
} LcsNameKind;

#define LCS_NAME_ERROR (lcs_name_error_quark ())
GQuark lcs_name_error_quark (void);

typedef enum {
  LCS_NAME_ERROR_EMPTY,
  LCS_NAME_ERROR_LABEL_EMPTY,
  LCS_NAME_ERROR_LABEL_LONG,
  LCS_NAME_ERROR_NAME_LONG,
  LCS_NAME_ERROR_CHARACTER,
} LcsNameError;

/* TRUE when @name (relative or absolute) is a valid name of @kind. A single "." is the root. */
gboolean  lcs_name_validate     (const char  *name,
                                 LcsNameKind  kind,
                                 GError     **error);

/* Lower case with the final dot. Does not validate. */
char     *lcs_name_normalize    (const char  *name);

/* lcs_name_normalize () into @buf, of @size bytes, when the name fits there; else into a new
 * string stored in *@heap for the caller to free (*@heap is NULL otherwise). Returns the name;
 * *@length, when not NULL, receives its length. For checks that run on every record. */
char     *lcs_name_normalize_into (const char  *name,
                                   char        *buf,
                                   gsize        size,
                                   char       **heap,
                                   gsize       *length);

gboolean  lcs_name_is_absolute  (const char  *name);

/* Lower case without the final dot, as profiles, dialogs and SAN lists write names ("." stays). */
char     *lcs_name_bare         (const char  *name);

/* @name relative to @origin ("@" or "" is the origin itself), or absolute as is; normalised. */
char     *lcs_name_absolute     (const char  *name,
                                 const char  *origin);

/* @name made relative to @origin: "@" for the origin, NULL when @name is not under it. */
char     *lcs_name_relative     (const char  *name,
                                 const char  *origin);

/* Labels without the root; free with g_strfreev. */
char    **lcs_name_split        (const char  *name);

/* The parent of @name, normalised ("contoso.com." for "sip.contoso.com"); NULL for the root. */
char     *lcs_name_parent       (const char  *name);

/* Label-wise, case-insensitive, final dot optional: "a.contoso.com" ends in "contoso.com". */
gboolean  lcs_name_ends_in      (const char  *name,
                                 const char  *suffix);

gboolean  lcs_name_parent_is    (const char  *name,
                                 const char  *parent);

gboolean  lcs_name_equal        (const char  *a,
                                 const char  *b);

/* TRUE for an IPv4 or IPv6 address literal. */
gboolean  lcs_name_is_address   (const char  *text);

/* Levenshtein distance, case-insensitive. */
guint     lcs_name_edit_distance (const char *a,
                                  const char *b);

G_END_DECLS
