// The demo's own, essential code (both language versions load it): each stand-in calls this when it runs, so a
// test (or you) can see what ran.
window.standInsRan = [];
window.standInRan = function (name) {
  window.standInsRan.push(name);
  var li = document.createElement('li');
  li.textContent = name;
  document.getElementById('ran').appendChild(li);
};
