/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The arena that holds a zone's records and strings, and the observations built on it: what is
 * stored stays where it is and as it was, aligned, across block boundaries and copies. */
#include <lcsdns/model/observe.h>
#include <string.h>

#include "arena-private.h"

/* Allocations of every size up to 300 and every alignment, filled with their own byte: none
 * overlaps another, each is aligned, and all stay intact while the arena grows past 4 MiB. */
static void
test_alignment_and_content (void)
{
  LcsArena *arena = lcs_arena_new ();
  g_autoptr(GPtrArray) allocations = g_ptr_array_new ();
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize total = 0, n = 0;

  while (total < 5 * 1024 * 1024)
    {
      gsize size = 1 + n % 300, align = (gsize) 1 << (n % 5);
      guint8 *memory = lcs_arena_alloc (arena, size, align);

      g_assert_cmpuint ((guintptr) memory % align, ==, 0);
      memset (memory, (int) (n & 0xff), size);
      g_ptr_array_add (allocations, memory);
      g_array_append_val (sizes, size);
      total += size;
      n++;
    }
  for (guint i = 0; i < allocations->len; i++)
    {
      const guint8 *memory = g_ptr_array_index (allocations, i);

      for (gsize j = 0; j < g_array_index (sizes, gsize, i); j++)
        g_assert_cmpuint (memory[j], ==, i & 0xff);
    }
  lcs_arena_free (arena);
}

/* An allocation larger than the next block gets a block of its own; from 2 MiB on, one aligned
 * to the huge page size (what madvise needs to give huge pages). */
static void
test_large_allocation (void)
{
  LcsArena *arena = lcs_arena_new ();
  char *small = lcs_arena_strdup (arena, "before");
  guint8 *large = lcs_arena_alloc (arena, 3 * 1024 * 1024, 16);
  char *after = lcs_arena_strdup (arena, "after");

  g_assert_cmpuint ((guintptr) large % LCS_HUGE_PAGE_SIZE, ==, 0);
  memset (large, 0xa5, 3 * 1024 * 1024);
  g_assert_cmpstr (small, ==, "before");
  g_assert_cmpstr (after, ==, "after");
  g_assert_null (lcs_arena_strdup (arena, NULL));
  g_assert_cmpstr (lcs_arena_strdup (arena, ""), ==, "");
  lcs_arena_free (arena);
}

static char *
owner_name (guint i)
{
  return g_strdup_printf ("host%u.contoso.com.", i);
}

/* A copy shares the original's full record blocks and strings and copies the last, partly filled
 * block: with the original freed, every record of the copy reads back, and records added to
 * either side after the copy stay on that side. */
static void
test_copy_outlives_original (void)
{
  const guint n = 2500;  /* two full blocks of 1,024 records and a partial one */
  LcsObservations *obs = lcs_observations_new ();
  g_autoptr(LcsObservations) copy = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *owner = owner_name (i);
      g_autofree char *address = g_strdup_printf ("10.0.%u.%u", i / 250, i % 250 + 1);

      lcs_observations_take_record (obs, LCS_VIEW_INTERNAL,
                                    lcs_record_new_address (owner, 3600, address));
    }
  copy = lcs_observations_copy (obs);
  lcs_observations_take_record (obs, LCS_VIEW_INTERNAL,
                                lcs_record_new_address ("only-original.contoso.com.", 3600, "10.9.0.1"));
  lcs_observations_take_record (copy, LCS_VIEW_INTERNAL,
                                lcs_record_new_address ("only-copy.contoso.com.", 3600, "10.9.0.2"));
  g_assert_cmpint (lcs_observations_answer (obs, LCS_VIEW_INTERNAL, "only-copy.contoso.com.",
                                            LCS_TYPE_A), !=, LCS_ANSWER_DATA);
  lcs_observations_free (obs);
  g_assert_cmpint (lcs_observations_answer (copy, LCS_VIEW_INTERNAL, "only-original.contoso.com.",
                                            LCS_TYPE_A), !=, LCS_ANSWER_DATA);
  g_assert_cmpuint (lcs_observations_count (copy), ==, n + 1);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *owner = owner_name (i);
      g_autofree char *address = g_strdup_printf ("10.0.%u.%u", i / 250, i % 250 + 1);
      g_autoptr(GPtrArray) found = lcs_observations_lookup (copy, LCS_VIEW_INTERNAL, owner,
                                                           LCS_TYPE_A);

      g_assert_cmpuint (found->len, ==, 1);
      g_assert_cmpstr (((LcsRecord *) g_ptr_array_index (found, 0))->owner, ==, owner);
      g_assert_cmpstr (((LcsRecord *) g_ptr_array_index (found, 0))->address, ==, address);
    }
}

/* The owner index grows as records come after lookups: the links from each record to the
 * previous one at its owner are kept when their array moves, so every owner still finds all of
 * its records, old and new. */
static void
test_index_grows (void)
{
  g_autoptr(LcsObservations) obs = lcs_observations_new ();
  const guint owners = 50;
  guint added = 0;

  for (guint round = 0; round < 6; round++)
    {
      guint more = 100u << (2 * round);  /* 100 … 102,400: the array moves each round */

      for (guint i = 0; i < more; i++, added++)
        {
          g_autofree char *owner = owner_name (added % owners);

          lcs_observations_take_record (obs, LCS_VIEW_INTERNAL,
                                        lcs_record_new_address (owner, 3600, "10.0.0.1"));
        }
      for (guint o = 0; o < owners; o++)
        {
          g_autofree char *owner = owner_name (o);

          g_assert_cmpuint (lcs_observations_count_at (obs, LCS_VIEW_INTERNAL, owner, G_MAXUINT),
                            ==, added / owners + (o < added % owners));
        }
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/arena/alignment-and-content", test_alignment_and_content);
  g_test_add_func ("/arena/large-allocation", test_large_allocation);
  g_test_add_func ("/arena/copy-outlives-original", test_copy_outlives_original);
  g_test_add_func ("/arena/index-grows", test_index_grows);
  return g_test_run ();
}
