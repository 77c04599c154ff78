// Stand-in for a social network's share button.
(function () {
  var b = document.createElement('button');
  b.type = 'button';
  b.textContent = 'Share (stand-in)';
  document.getElementById('social-button').appendChild(b);
  window.standInRan('social');
})();
