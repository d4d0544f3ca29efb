Component({ methods: { loginSuccess(res) { console.log(res.detail); } } });
