/* Help: every rule with what it finds, why it matters, how to fix it and the public source. */
#include "lcs-help-window.h"

#include <glib/gi18n.h>
#include <lcsdns/model/rules.h>

struct _LcsHelpWindow {
  GtkWindow    parent_instance;

  GtkTextView *text_view;
};

G_DEFINE_TYPE (LcsHelpWindow, lcs_help_window, GTK_TYPE_WINDOW)

static void
append (GtkTextBuffer *buffer,
        const char    *text,
        const char    *tag)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  if (tag != NULL)
    gtk_text_buffer_insert_with_tags_by_name (buffer, &end, text, -1, tag, NULL);
  else
    gtk_text_buffer_insert (buffer, &end, text, -1);
}

static void
append_field (GtkTextBuffer *buffer,
              const char    *label,
              const char    *value)
{
  if (value == NULL || *value == '\0')
    return;
  append (buffer, label, "label");
  append (buffer, value, NULL);
  append (buffer, "\n", NULL);
}

/* What a first-time user needs, before the reference: what is on screen, and the two ways to
 * check a deployment. */
static void
fill_getting_started (GtkTextBuffer *buffer)
{
  static const char *const steps[][2] = {
    { N_("What the console shows. "),
      N_("The console tree lists the deployment's SIP domains, each with its internal and external "
         "DNS view. Select a view to see the records the deployment needs there, with their status "
         "(OK, Missing, Wrong data, Misplaced…) and the findings about them. Select a row: the pane "
         "below says what is wrong, why, and how to fix it; Apply fix opens the New Resource Record "
         "dialog filled in.") },
    { N_("Check your own zone. "),
      N_("Export the zone in DNS Manager (or copy its file from %SystemRoot%\\System32\\dns), then "
         "File → Import Zone File… and choose the view it belongs to. The check runs offline; "
         "Check now (F5) reads the files again after you export them anew.") },
    { N_("Run a live check. "),
      N_("Name your DNS servers in Properties (internal and external), then Action → Check Live "
         "(Ctrl+F5). The console asks only the servers you named; with none named it asks you "
         "first, and the system's resolver is one explicit choice. Rows fill in as answers arrive; "
         "Cancel stops the check.") },
    { N_("Fix and export. "),
      N_("Records you add in the dialogs are saved with the deployment. File → Export… writes "
         "the dnscmd or PowerShell commands that create what is missing, or a report.") },
  };

  append (buffer, _("Getting started\n\n"), "heading");
  for (gsize i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      append (buffer, _(steps[i][0]), "label");
      append (buffer, _(steps[i][1]), NULL);
      append (buffer, "\n\n", NULL);
    }
}

static void
fill_rules (LcsHelpWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  gsize n_rules = 0;
  const LcsRule *rules = lcs_rules_all (&n_rules);

  gtk_text_buffer_create_tag (buffer, "heading", "weight", PANGO_WEIGHT_BOLD, "scale", 1.2, NULL);
  gtk_text_buffer_create_tag (buffer, "id", "weight", PANGO_WEIGHT_BOLD, "family", "monospace", NULL);
  gtk_text_buffer_create_tag (buffer, "label", "weight", PANGO_WEIGHT_BOLD, NULL);

  fill_getting_started (buffer);
  append (buffer, _("Rules the console checks\n\n"), "heading");
  for (gsize i = 0; i < n_rules; i++)
    {
      g_autofree char *mark = g_strconcat ("rule:", rules[i].id, NULL);
      GtkTextIter end;

      /* Where a finding's "Help on rule" link lands. */
      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_create_mark (buffer, mark, &end, TRUE);
      append (buffer, rules[i].id, "id");
      append (buffer, " — ", NULL);
      append (buffer, lcs_severity_to_string (rules[i].severity), NULL);
      append (buffer, "\n", NULL);
      append_field (buffer, _("Finds: "), rules[i].title);
      append_field (buffer, _("Why: "), rules[i].explanation);
      append_field (buffer, _("Fix: "), rules[i].fix);
      append_field (buffer, _("Source: "), rules[i].source);
      append (buffer, "\n", NULL);
    }
}

static void
lcs_help_window_class_init (LcsHelpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/lcsdns/Console/lcs-help-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LcsHelpWindow, text_view);
}

static void
lcs_help_window_init (LcsHelpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  fill_rules (self);
}

GtkWidget *
lcs_help_window_new (GtkWindow *parent)
{
  return g_object_new (LCS_TYPE_HELP_WINDOW, "transient-for", parent, NULL);
}

gboolean
lcs_help_window_show_rule (LcsHelpWindow *self,
                           const char    *rule_id)
{
  GtkTextBuffer *buffer;
  g_autofree char *name = NULL;
  GtkTextMark *mark;
  GtkTextIter iter;

  g_return_val_if_fail (LCS_IS_HELP_WINDOW (self), FALSE);

  buffer = gtk_text_view_get_buffer (self->text_view);
  name = g_strconcat ("rule:", rule_id, NULL);
  mark = gtk_text_buffer_get_mark (buffer, name);
  if (mark == NULL)
    return FALSE;
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, mark);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_view_scroll_to_mark (self->text_view, mark, 0.0, TRUE, 0.0, 0.0);
  return TRUE;
}
