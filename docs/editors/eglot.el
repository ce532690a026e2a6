;; blameless for Markdown buffers with eglot (built into Emacs 29+)
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               '((markdown-mode gfm-mode) . ("blameless" "lsp"))))
(add-hook 'markdown-mode-hook #'eglot-ensure)
