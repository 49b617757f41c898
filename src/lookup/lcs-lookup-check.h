/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The live check: a lookup run, then the core's check of what it observed. lcsdns-check, the
 * console and the live tests all end a lookup here. */
#pragma once

#include <lcsdns/check/check.h>

#include "lcs-lookup.h"

G_BEGIN_DECLS

/* Runs @lookup (its "progress" signal follows the run), then checks what it observed against
 * its profile, listing @max_listed findings per rule and view (0: all). */
void       lcs_lookup_check_async  (LcsLookup           *lookup,
                                    guint                max_listed,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
/* The live report, naming each server asked once; *@obs (optional) receives the observations. */
LcsReport *lcs_lookup_check_finish (LcsLookup        *lookup,
                                    GAsyncResult     *result,
                                    LcsObservations **obs,
                                    GError          **error);

G_END_DECLS
