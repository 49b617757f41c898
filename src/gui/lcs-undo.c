/* Two stacks of copies: what Undo goes back to, what Redo goes forward to. */
#include "lcs-undo.h"

struct _LcsUndo {
  LcsUndoCopy     copy;
  GDestroyNotify  free;
  guint           limit;
  GQueue          done;     /* newest first */
  GQueue          undone;   /* newest first */
};

LcsUndo *
lcs_undo_new (LcsUndoCopy    copy,
              GDestroyNotify free,
              guint          limit)
{
  LcsUndo *undo;

  g_return_val_if_fail (limit > 0, NULL);
  undo = g_new0 (LcsUndo, 1);
  undo->copy = copy;
  undo->free = free;
  undo->limit = limit;
  g_queue_init (&undo->done);
  g_queue_init (&undo->undone);
  return undo;
}

void
lcs_undo_free (LcsUndo *undo)
{
  if (undo == NULL)
    return;
  g_queue_clear_full (&undo->done, undo->free);
  g_queue_clear_full (&undo->undone, undo->free);
  g_free (undo);
}

void
lcs_undo_push (LcsUndo       *undo,
               gconstpointer  before)
{
  g_queue_push_head (&undo->done, undo->copy (before));
  while (g_queue_get_length (&undo->done) > undo->limit)
    undo->free (g_queue_pop_tail (&undo->done));
  /* A new change starts a new line of history: what was undone cannot come back. */
  g_queue_clear_full (&undo->undone, undo->free);
  g_queue_init (&undo->undone);
}

static gpointer
step (LcsUndo       *undo,
      GQueue        *from,
      GQueue        *to,
      gconstpointer  current)
{
  if (g_queue_is_empty (from))
    return NULL;
  g_queue_push_head (to, undo->copy (current));
  return g_queue_pop_head (from);
}

gpointer
lcs_undo_undo (LcsUndo       *undo,
               gconstpointer  current)
{
  return step (undo, &undo->done, &undo->undone, current);
}

gpointer
lcs_undo_redo (LcsUndo       *undo,
               gconstpointer  current)
{
  return step (undo, &undo->undone, &undo->done, current);
}

gboolean
lcs_undo_can_undo (const LcsUndo *undo)
{
  return undo->done.length > 0;
}

gboolean
lcs_undo_can_redo (const LcsUndo *undo)
{
  return undo->undone.length > 0;
}
