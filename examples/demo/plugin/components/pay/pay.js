Component({
  data: { args: { fee: 1, paymentArgs: 'A', currencyType: 'CNY' } },
  methods: {
    paymentSuccess(e) { console.log(e.detail); },
    paymentFailed(e) { console.log(e); },
  },
});
