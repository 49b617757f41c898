/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Append-only memory in blocks that grow: a small zone takes 64 KiB, and a zone of a million
 * records takes blocks of 4 MiB backed by huge pages. Reading such a zone touched 130 MB in
 * 4 KiB pages, ~32,000 page faults and a third of its time; in 2 MiB pages it is a few dozen. */
#include "config.h"

#include "arena-private.h"

#include <string.h>

#define FIRST_BLOCK   (64 * 1024)
#define LARGEST_BLOCK (2 * LCS_HUGE_PAGE_SIZE)

struct _LcsArena {
  GPtrArray *blocks;      /* g_aligned_alloc'd */
  char      *next;        /* the free part of the last block */
  char      *end;
  gsize      block_size;  /* of the next block, unless one allocation needs more */
};

LcsArena *
lcs_arena_new (void)
{
  LcsArena *arena = g_new0 (LcsArena, 1);

  arena->blocks = g_ptr_array_new_with_free_func (g_aligned_free);
  arena->block_size = FIRST_BLOCK;
  return arena;
}

void
lcs_arena_free (LcsArena *arena)
{
  if (arena == NULL)
    return;
  g_ptr_array_unref (arena->blocks);
  g_free (arena);
}

/* @size bytes, advised before they are touched; *@size grows to whole huge pages. */
static gpointer
alloc_block (gsize *size)
{
  gboolean huge = *size >= LCS_HUGE_PAGE_SIZE;
  gpointer block;

  if (huge)
    *size = (*size + LCS_HUGE_PAGE_SIZE - 1) & ~((gsize) LCS_HUGE_PAGE_SIZE - 1);
  block = g_aligned_alloc (1, *size, huge ? LCS_HUGE_PAGE_SIZE : 16);
  if (huge)
    lcs_advise_huge_pages (block, *size);
  return block;
}

gpointer
lcs_huge_alloc0 (gsize size)
{
  gsize rounded = MAX (size, 1);

  return memset (alloc_block (&rounded), 0, size);
}

static void
add_block (LcsArena *arena,
           gsize     at_least)
{
  gsize size = MAX (arena->block_size, at_least);
  char *block = alloc_block (&size);

  g_ptr_array_add (arena->blocks, block);
  arena->next = block;
  arena->end = block + size;
  if (arena->block_size < LARGEST_BLOCK)
    arena->block_size *= 2;
}

gpointer
lcs_arena_alloc (LcsArena *arena,
                 gsize     size,
                 gsize     align)
{
  gsize pad = (gsize) (-(guintptr) arena->next & (align - 1));
  char *memory;

  g_return_val_if_fail (align > 0 && align <= 16 && (align & (align - 1)) == 0, NULL);
  if (arena->next == NULL || size + pad > (gsize) (arena->end - arena->next))
    {
      add_block (arena, size);
      pad = 0;
    }
  memory = arena->next + pad;
  arena->next = memory + size;
  return memory;
}

char *
lcs_arena_strdup (LcsArena   *arena,
                  const char *text)
{
  gsize size;

  if (text == NULL)
    return NULL;
  size = strlen (text) + 1;
  return memcpy (lcs_arena_alloc (arena, size, 1), text, size);
}
