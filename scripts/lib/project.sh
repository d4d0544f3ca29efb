# shellcheck shell=bash
# Shared by scripts/check-pre-commit.sh and scripts/test-hooks.sh (sourced):
# the small mini-program projects their hook tests commit.

# clean_project DIR writes a small clean plugin project whose host mini-program
# has independent functional pages.
clean_project() {
  local d=$1
  mkdir -p "$d/miniprogram/pages/index" "$d/miniprogram/functional-pages" "$d/miniprogram/utils" "$d/plugin/components/pay"
  echo '{"miniprogramRoot": "miniprogram/", "pluginRoot": "plugin/", "compileType": "plugin"}' >"$d/project.config.json"
  echo '{"pages": ["pages/index/index"], "functionalPages": {"independent": true}}' >"$d/miniprogram/app.json"
  echo 'App({});' >"$d/miniprogram/app.js"
  echo 'Page({});' >"$d/miniprogram/pages/index/index.js"
  echo '<view>hi</view>' >"$d/miniprogram/pages/index/index.wxml"
  echo 'exports.sign = function (a) { return JSON.stringify(a); };' >"$d/miniprogram/utils/sign.js"
  payment_clean >"$d/miniprogram/functional-pages/request-payment.js"
  echo '{"publicComponents": {"pay": "components/pay/pay"}}' >"$d/plugin/plugin.json"
  echo '{"component": true}' >"$d/plugin/components/pay/pay.json"
  echo 'Component({});' >"$d/plugin/components/pay/pay.js"
  navigator release >"$d/plugin/components/pay/pay.wxml"
}
payment_clean() {
  printf '%s\n' "exports.beforeRequestPayment = function (args, callback) {" "  callback(null, {});" "};"
}
# payment_crossing requires a file outside functional-pages/ (an error).
payment_crossing() {
  printf '%s\n' "const { sign } = require('../utils/sign');" \
    "exports.beforeRequestPayment = function (args, callback) {" "  callback(null, { sign: sign(args) });" "};"
}
navigator() {
  printf '%s\n' "<functional-page-navigator name=\"requestPayment\" version=\"$1\">" "  <button>pay</button>" "</functional-page-navigator>"
}
