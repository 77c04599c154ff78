// Stand-in for an audience-measurement tag: it only says that it ran.
window.standInRan('analytics');
