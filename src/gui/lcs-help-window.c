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

static void
fill_rules (LcsHelpWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  gsize n_rules = 0;
  const LcsRule *rules = lcs_rules_all (&n_rules);

  gtk_text_buffer_create_tag (buffer, "heading", "weight", PANGO_WEIGHT_BOLD, "scale", 1.2, NULL);
  gtk_text_buffer_create_tag (buffer, "id", "weight", PANGO_WEIGHT_BOLD, "family", "monospace", NULL);
  gtk_text_buffer_create_tag (buffer, "label", "weight", PANGO_WEIGHT_BOLD, NULL);

  append (buffer, _("Rules the console checks\n\n"), "heading");
  for (gsize i = 0; i < n_rules; i++)
    {
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
