" blameless in Vim's quickfix list: :make runs blameless, :copen lists the findings.
" %v reads our columns, which count characters, where %c would count bytes;
" %t gives each entry its type (e, w or i); suggestion and summary lines are skipped.
setlocal makeprg=blameless\ check\ --quiet\ %
setlocal errorformat=%f:%l:%v:\ %trror\ %m,%f:%l:%v:\ %tarning\ %m,%f:%l:%v:\ %tnfo\ %m,%f:\ %trror\ %m,%f:\ %tarning\ %m,%f:\ %tnfo\ %m,%-G%.%#
