-- Neovim (0.7+) set up for the screenshot: its built-in LSP client runs `k8s-lint lsp` from
-- this checkout on YAML buffers; once findings arrive, the cursor goes to the first error and
-- its float is opened, then a marker file tells the script to take the picture.
local bin = os.getenv("K8S_LINT_BIN")
local root = os.getenv("K8S_LINT_ROOT")
local marker = os.getenv("K8S_LINT_MARKER")
vim.o.termguicolors = true
vim.o.number = true
vim.o.signcolumn = "yes"
vim.o.laststatus = 2
vim.o.swapfile = false
vim.cmd("syntax on")
vim.cmd("colorscheme default")
vim.cmd("highlight NormalFloat guibg=#2d2d30 guifg=#d4d4d4")
vim.cmd("highlight FloatBorder guibg=#2d2d30 guifg=#808080")
vim.diagnostic.config({
  virtual_text = { prefix = "●", source = false },
  severity_sort = true,
  -- The float names the rule, as the CLI does.
  float = { source = "always", border = "rounded", format = function(d) return string.format("%s  [%s]", d.message, d.code) end },
})

local client_id = vim.lsp.start_client({ name = "k8s-lint", cmd = { "node", bin, "lsp", "--stdio" }, root_dir = root })
vim.api.nvim_create_autocmd("FileType", { pattern = "yaml", callback = function() vim.lsp.buf_attach_client(0, client_id) end })

local shown = false
vim.api.nvim_create_autocmd("DiagnosticChanged", {
  callback = function()
    local errors = vim.diagnostic.get(0, { severity = vim.diagnostic.severity.ERROR })
    if shown or #errors == 0 then return end
    shown = true
    vim.defer_fn(function()
      local target = errors[#errors]
      for _, d in ipairs(errors) do if d.code == "configmap-key-missing" then target = d end end
      vim.api.nvim_win_set_cursor(0, { target.lnum + 1, target.col })
      vim.cmd("normal! zz")
      -- After the cursor's move has been handled: moving it closes a float.
      vim.defer_fn(function()
        vim.diagnostic.open_float({ scope = "cursor" })
        vim.defer_fn(function() io.open(marker, "w"):close() end, 500)
      end, 200)
    end, 300)
  end,
})
