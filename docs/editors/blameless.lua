-- blameless language server for Markdown buffers in Neovim (0.7 or newer).
-- Put this file in ~/.config/nvim/plugin/ or `luafile` it from init.lua.
-- Set vim.g.blameless_cmd to run another command (default: { "blameless", "lsp" }).
local function root_dir(file)
  local found = vim.fn.findfile(".blameless.toml", vim.fn.fnamemodify(file, ":p:h") .. ";")
  if found == "" then
    found = vim.fn.findfile("pyproject.toml", vim.fn.fnamemodify(file, ":p:h") .. ";")
  end
  if found ~= "" then
    return vim.fn.fnamemodify(found, ":p:h")
  end
  return vim.fn.fnamemodify(file, ":p:h")
end

local function attach(bufnr)
  local config = {
    name = "blameless",
    cmd = vim.g.blameless_cmd or { "blameless", "lsp" },
    root_dir = root_dir(vim.api.nvim_buf_get_name(bufnr)),
  }
  if vim.lsp.start then -- Neovim 0.8+
    vim.lsp.start(config, { bufnr = bufnr })
    return
  end
  -- Neovim 0.7: one client per root, attached to every Markdown buffer under it
  _G.blameless_clients = _G.blameless_clients or {}
  local id = _G.blameless_clients[config.root_dir]
  if id == nil or vim.lsp.get_client_by_id(id) == nil then
    id = vim.lsp.start_client(config)
    _G.blameless_clients[config.root_dir] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
end

vim.api.nvim_create_autocmd("FileType", {
  pattern = "markdown",
  callback = function(args)
    attach(args.buf)
  end,
})
