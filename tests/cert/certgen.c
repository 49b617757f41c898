/* Certificates made at run time with certtool, so no key is committed and dates are chosen. */
#include "certgen.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

struct _CertGen {
  char       *dir;
  char       *key;
  GHashTable *paths;   /* file name → full path, so returned paths live as long as @gen */
};

const char *
certgen_path (CertGen    *gen,
              const char *file_name)
{
  char *path = g_hash_table_lookup (gen->paths, file_name);

  if (path == NULL)
    {
      path = g_build_filename (gen->dir, file_name, NULL);
      g_hash_table_insert (gen->paths, g_strdup (file_name), path);
    }
  return path;
}

/* Runs certtool with @argv (NULL-terminated, without the program); its stderr goes in the error. */
static gboolean
run_certtool (const char *const *argv,
              GError           **error)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *err_text = NULL;

  g_ptr_array_add (args, (gpointer) "certtool");
  for (gsize i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);

  process = g_subprocess_newv ((const char *const *) args->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               error);
  if (process == NULL)
    return FALSE;
  if (!g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err_text, error))
    return FALSE;
  if (!g_subprocess_get_successful (process))
    {
      g_set_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED, "certtool %s failed: %s",
                   argv[0], err_text != NULL ? err_text : "");
      return FALSE;
    }
  return TRUE;
}

static gboolean
make_key (const char *path,
          GError    **error)
{
  const char *argv[] = { "--generate-privkey", "--key-type=ecdsa", "--outfile", path, NULL };

  return run_certtool (argv, error);
}

CertGen *
certgen_new (GError **error)
{
  g_autoptr(CertGen) gen = g_new0 (CertGen, 1);

  gen->paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gen->dir = g_dir_make_tmp ("lcsdns-cert-XXXXXX", error);
  if (gen->dir == NULL)
    return NULL;
  gen->key = g_strdup (certgen_path (gen, "key.pem"));
  if (!make_key (gen->key, error))
    return NULL;
  return g_steal_pointer (&gen);
}

void
certgen_free (CertGen *gen)
{
  if (gen == NULL)
    return;
  if (gen->dir != NULL)
    {
      g_autoptr(GDir) dir = g_dir_open (gen->dir, 0, NULL);
      const char *entry;

      while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (gen->dir, entry, NULL);

          g_unlink (path);
        }
      g_rmdir (gen->dir);
    }
  g_free (gen->dir);
  g_free (gen->key);
  g_clear_pointer (&gen->paths, g_hash_table_unref);
  g_free (gen);
}

const char *
certgen_dir (const CertGen *gen)
{
  return gen->dir;
}

const char *
certgen_key_path (const CertGen *gen)
{
  return gen->key;
}

const char *
certgen_make (CertGen    *gen,
              const char *name,
              const char *ca_name,
              const char *template_text,
              GError    **error)
{
  g_autofree char *template_name = g_strdup_printf ("%s.tmpl", name);
  g_autofree char *pem_name = g_strdup_printf ("%s.pem", name);
  const char *template_path = certgen_path (gen, template_name);
  const char *pem = certgen_path (gen, pem_name);

  if (!g_file_set_contents (template_path, template_text, -1, error))
    return NULL;

  if (ca_name == NULL)
    {
      const char *argv[] = { "--generate-self-signed", "--load-privkey", gen->key,
                             "--template", template_path, "--outfile", pem, NULL };

      if (!run_certtool (argv, error))
        return NULL;
    }
  else
    {
      g_autofree char *ca_pem_name = g_strdup_printf ("%s.pem", ca_name);
      g_autofree char *ca_key_name = g_strdup_printf ("%s.key", ca_name);
      const char *argv[] = { "--generate-certificate", "--load-privkey", gen->key,
                             "--load-ca-certificate", certgen_path (gen, ca_pem_name),
                             "--load-ca-privkey", certgen_path (gen, ca_key_name),
                             "--template", template_path, "--outfile", pem, NULL };

      if (!run_certtool (argv, error))
        return NULL;
    }
  return pem;
}

int
certgen_run_tests (CertGen **gen)
{
  g_autoptr(GError) error = NULL;
  int status;

  *gen = certgen_new (&error);
  g_assert_no_error (error);
  status = g_test_run ();
  g_clear_pointer (gen, certgen_free);
  return status;
}

const char *
certgen_make_checked (CertGen    *gen,
                      const char *name,
                      const char *template_text)
{
  g_autoptr(GError) error = NULL;
  const char *path = certgen_make (gen, name, NULL, template_text, &error);

  g_assert_no_error (error);
  return path;
}

const char *
certgen_make_ca (CertGen    *gen,
                 const char *name,
                 const char *template_text,
                 GError    **error)
{
  g_autofree char *template_name = g_strdup_printf ("%s.tmpl", name);
  g_autofree char *pem_name = g_strdup_printf ("%s.pem", name);
  g_autofree char *key_name = g_strdup_printf ("%s.key", name);
  const char *template_path = certgen_path (gen, template_name);
  const char *pem = certgen_path (gen, pem_name);
  const char *key = certgen_path (gen, key_name);
  const char *argv[] = { "--generate-self-signed", "--load-privkey", key,
                         "--template", template_path, "--outfile", pem, NULL };

  if (!g_file_set_contents (template_path, template_text, -1, error)
      || !make_key (key, error) || !run_certtool (argv, error))
    return NULL;
  return pem;
}

const char *
certgen_to_der (CertGen    *gen,
                const char *name,
                GError    **error)
{
  g_autofree char *pem_name = g_strdup_printf ("%s.pem", name);
  g_autofree char *der_name = g_strdup_printf ("%s.der", name);
  const char *der = certgen_path (gen, der_name);
  const char *argv[] = { "--certificate-info", "--infile", certgen_path (gen, pem_name),
                         "--outder", "--outfile", der, NULL };

  return run_certtool (argv, error) ? der : NULL;
}

const char *
certgen_to_p12 (CertGen    *gen,
                const char *name,
                const char *password,
                GError    **error)
{
  g_autofree char *pem_name = g_strdup_printf ("%s.pem", name);
  g_autofree char *p12_name = g_strdup_printf ("%s.p12", name);
  g_autofree char *password_arg = g_strdup_printf ("--password=%s", password);
  const char *p12 = certgen_path (gen, p12_name);
  const char *argv[] = { "--to-p12", "--load-privkey", gen->key,
                         "--load-certificate", certgen_path (gen, pem_name),
                         "--p12-name", name, password_arg, "--outder", "--outfile", p12, NULL };

  return run_certtool (argv, error) ? p12 : NULL;
}
