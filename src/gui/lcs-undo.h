/* Undo and Redo over whole states: before each change the caller hands in the state as it was;
 * Undo gives it back and keeps the state it replaces for Redo. Knows nothing of what a state
 * is (the console keeps copies of its profile: a few kilobytes, so a copy per change is cheap
 * and cannot get out of step with the change, as an inverse operation per kind of edit could). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _LcsUndo LcsUndo;
typedef gpointer (*LcsUndoCopy) (gconstpointer state);

/* @copy and @free make and drop the copies the stack keeps. At most @limit states are kept
 * (the oldest go first). */
LcsUndo  *lcs_undo_new      (LcsUndoCopy     copy,
                             GDestroyNotify  free,
                             guint           limit);
void      lcs_undo_free     (LcsUndo        *undo);

/* Before a change: keeps a copy of @before and forgets what could be redone. */
void      lcs_undo_push     (LcsUndo        *undo,
                             gconstpointer   before);
/* The state to go back to (the caller's, to use in place of @current), or NULL when there is
 * nothing to undo. A copy of @current goes to the Redo side. */
gpointer  lcs_undo_undo     (LcsUndo        *undo,
                             gconstpointer   current);
/* The same, the other way. */
gpointer  lcs_undo_redo     (LcsUndo        *undo,
                             gconstpointer   current);

gboolean  lcs_undo_can_undo (const LcsUndo  *undo);
gboolean  lcs_undo_can_redo (const LcsUndo  *undo);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcsUndo, lcs_undo_free)

G_END_DECLS
