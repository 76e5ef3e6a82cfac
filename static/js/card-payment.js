// Card payment with Stripe.js. With a Stripe.js that has the Payment Element, the PaymentIntent is
// confirmed in the browser (stripe.confirmPayment); with one that only has the card Element, the
// card is tokenised in the browser and the server confirms the PaymentIntent with it, the browser
// then completing any 3-D Secure step (stripe.confirmCardPayment). Either way the server reads the
// PaymentIntent back on return.
(function () {
  "use strict";
  var form = document.getElementById("card-form");
  if (!form || typeof Stripe === "undefined") { return; }
  var data = form.dataset;
  var stripe = Stripe(data.publishableKey);
  var errors = document.getElementById("card-errors");
  var button = document.getElementById("card-submit");

  function fail(message) {
    errors.textContent = message || data.failed;
    errors.hidden = false;
    button.disabled = false;
  }

  function finish() { window.location.assign(data.returnUrl); }

  if (typeof stripe.confirmPayment === "function") {
    var elements = stripe.elements({ clientSecret: data.clientSecret });
    elements.create("payment").mount("#card-element");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      button.disabled = true;
      stripe.confirmPayment({ elements: elements, confirmParams: { return_url: data.returnUrl } })
        .then(function (result) { if (result.error) { fail(result.error.message); } });
    });
    return;
  }

  var card = stripe.elements().create("card");
  card.mount("#card-element");
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    button.disabled = true;
    stripe.createToken(card).then(function (result) {
      if (result.error) { fail(result.error.message); return null; }
      return fetch(data.tokenUrl, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": data.csrf },
        body: JSON.stringify({ token: result.token.id })
      }).then(function (response) { return response.json(); });
    }).then(function (answer) {
      if (!answer) { return; }
      if (answer.status === "requires_action") {
        return stripe.confirmCardPayment(answer.client_secret).then(finish);
      }
      if (answer.status === "failed") { fail(answer.message); return; }
      finish();
    }).catch(function () { fail(); });
  });
})();
