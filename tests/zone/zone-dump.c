/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Prints the records lcs_zone_read reads, one per line ("owner ttl type rdata"), for the
 * differential tests; findings go to stderr, each after its rule id. Exit status 1 when the file cannot be read. */
#include <stdio.h>
#include <lcsdns/model/finding.h>
#include <lcsdns/zone/zone.h>

static void
on_record (LcsRecord *record,
           gpointer   user_data)
{
  guint *count = user_data;

  printf ("%s %u %s %s\n", record->owner, record->ttl, lcs_type_to_string (record->type),
          record->rdata != NULL ? record->rdata : "");
  (*count)++;
  lcs_record_free (record);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) findings =
    g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_finding_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *origin = NULL;
  guint count = 0;
  guint i;

  if (argc < 2 || argc > 3)
    {
      fprintf (stderr, "usage: zone-dump FILE [ORIGIN]\n");
      return 2;
    }
  if (!lcs_zone_read (argv[1], argc == 3 ? argv[2] : NULL, on_record, &count, findings, &origin,
                      &error))
    {
      fprintf (stderr, "zone-dump: %s\n", error->message);
      return 1;
    }
  for (i = 0; i < findings->len; i++)
    {
      const LcsFinding *finding = g_ptr_array_index (findings, i);

      fprintf (stderr, "%s %s:%u:%u: %s\n", finding->rule->id, finding->file, finding->line,
               finding->column, finding->message);
    }
  fprintf (stderr, "origin %s, %u records, %u findings\n", origin, count, findings->len);
  return 0;
}
