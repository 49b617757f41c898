/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Memory for what a zone's records hold: the arena (append-only: the records' blocks and their
 * strings), and the large arrays of the owner index beside it; large blocks of either are backed
 * by huge pages (arena.c, huge-pages.c). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _LcsArena LcsArena;

LcsArena *lcs_arena_new    (void);
void      lcs_arena_free   (LcsArena   *arena);
/* @size bytes aligned to @align (a power of two, at most 16); they stay where they are until the
 * arena is freed. */
gpointer  lcs_arena_alloc  (LcsArena   *arena,
                            gsize       size,
                            gsize       align);
char     *lcs_arena_strdup (LcsArena   *arena,
                            const char *text);

/* @size bytes of zeros for one large array (an index), freed with g_aligned_free; from
 * LCS_HUGE_PAGE_SIZE on, aligned to it and backed by huge pages like the arena's blocks. */
gpointer  lcs_huge_alloc0  (gsize       size);

/* Blocks of this size and larger are aligned to it and asked to be backed by huge pages. */
#define LCS_HUGE_PAGE_SIZE (2 * 1024 * 1024)

/* Asks the system to back @block (@size bytes, both multiples of LCS_HUGE_PAGE_SIZE) with huge
 * pages; does nothing where that cannot be asked. */
void      lcs_advise_huge_pages (gpointer block,
                                 gsize    size);

G_END_DECLS
