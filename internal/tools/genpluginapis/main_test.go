package main

import (
	"reflect"
	"testing"
)

func TestUnsupported(t *testing.T) {
	text := `interface Other {
        /** [wx.fake(Object object)](…)
         *
         * 在插件中使用：不支持 */
        fake(): void
    }
    interface Wx {
        /** [wx.login(Object object)](…)
*
* 在插件中使用：需要基础库 ` + "`2.3.1`" + `
*/
        login(): void
        /** [wx.requestPayment(Object object)](…)
*
* 在插件中使用：不支持
*
* 发起微信支付。 */
        requestPayment(): void
        /** [wx.getUserProfile(Object object)](…)
*
* 在插件中使用：不支持 */
        getUserProfile(): void
    }`
	got, err := unsupported(text)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"getUserProfile", "requestPayment"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if _, err := unsupported("interface Wx {}"); err == nil {
		t.Error("an empty table is not an error")
	}
}
