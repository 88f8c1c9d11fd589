// The only script on reader pages. Every page works without it: the video facade is a
// link to the provider, and this swaps it for the provider's player when it is clicked,
// so no third-party request happens before the reader asks for the video.
document.addEventListener("click", (event) => {
  const facade = event.target.closest("a.video__facade[data-embed-url]");
  if (!facade || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey) {
    return;
  }
  const url = new URL(facade.dataset.embedUrl);
  if (!["www.youtube-nocookie.com", "player.vimeo.com"].includes(url.hostname)) {
    return;
  }
  event.preventDefault();
  const player = document.createElement("iframe");
  player.className = "video__player";
  player.src = url.href;
  player.title = facade.dataset.title || facade.textContent.trim();
  player.allow = "autoplay; fullscreen; picture-in-picture; encrypted-media";
  player.allowFullscreen = true;
  player.referrerPolicy = "strict-origin-when-cross-origin";
  facade.replaceWith(player);
  player.focus();
});
